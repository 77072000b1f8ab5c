from tests.evaluation.runner import main

raise SystemExit(main())
