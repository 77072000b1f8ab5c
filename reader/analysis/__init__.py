"""Analysis of an article: quotations, their speakers, named entities."""
