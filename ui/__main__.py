from ui.launcher import main

main()
