class Task:
    def __init__(self, name, prio, work):
        self.name = name
        self.prio = prio
        self.work = work
        self.done = 0
    def run(self, budget):
        used = min(budget, self.work - self.done)
        self.done += used
        return used
tasks = [Task("t%d" % i, (i * 7) % 5, 50 + (i * 13) % 40) for i in range(12)]
clock = 0
order = []
while any(t.done < t.work for t in tasks):
    ready = [t for t in tasks if t.done < t.work]
    ready.sort(key=lambda t: (-t.prio, t.name))
    t = ready[0]
    used = t.run(7)
    clock += used
    if t.done == t.work:
        order.append(t.name)
    t.prio = (t.prio + 1) % 5 if t.prio < 4 else 0
print(clock)
print(order)
