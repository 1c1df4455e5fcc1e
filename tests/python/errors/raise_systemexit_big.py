print("exit code 42 via raise SystemExit")
raise SystemExit(42)
