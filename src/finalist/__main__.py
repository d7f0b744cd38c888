from finalist.cli import main

main()
