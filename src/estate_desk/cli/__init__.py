"""The ``estate-desk`` command line (命令行): the same services as the window, one module per command group.

``__main__`` parses and reports how a job ended; ``common`` holds what every command shares (messages,
exit codes, opening the archive, signing in). A new command goes into the module of its group, which
registers it in its ``add_commands``.
"""
