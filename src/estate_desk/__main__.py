from estate_desk.cli import main

raise SystemExit(main())
