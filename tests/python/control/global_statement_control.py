state = "init"
def transition(event):
    global state
    table = {("init", "start"): "running", ("running", "pause"): "paused", ("paused", "resume"): "running",
             ("running", "stop"): "stopped", ("paused", "stop"): "stopped"}
    new = table.get((state, event))
    if new is None:
        print(f"invalid event {event!r} in state {state!r}")
        return False
    print(f"{state} --{event}--> {new}")
    state = new
    return True
for ev in ["start", "pause", "start", "resume", "stop", "resume"]:
    transition(ev)
print("final", state)
