from estate_desk.cli.__main__ import main

raise SystemExit(main())
