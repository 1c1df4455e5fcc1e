print("raising group")
raise ExceptionGroup("multiple failures", [ValueError("bad value"), TypeError("bad type")])
