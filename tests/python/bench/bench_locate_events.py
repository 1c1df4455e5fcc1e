# Tiny-size copy of benchmarks/programs/locate_events.py (arguments in bench_locate_events.args).
# Grid search for seismic event locations (seed: "Debunking Myths ... High Performance Python").
import math
import sys

B = 0.1
x_i, x_f, dx = 0, 20, 2
y_i, y_f, dy = 0, 20, 2
z_i, z_f, dz = 0, 10, 2
A_i, A_f, dA = 1.0, 3.0, 0.5


def frange(start, stop, step):
    out = []
    v = start
    while v < stop:
        out.append(v)
        v += step
    return out


def locate_events(events, stations):
    locations = []
    for event in events:
        min_err = math.inf
        loc = None
        for x in range(x_i, x_f + dx, dx):
            for y in range(y_i, y_f + dy, dy):
                for z in range(z_i, z_f + dz, dz):
                    for A in frange(A_i, A_f + dA, dA):
                        err_accum = 0
                        for s_k, s_v in stations.items():
                            r = math.sqrt(math.pow(x - s_v[0], 2) + math.pow(y - s_v[1], 2) + math.pow(z - s_v[2], 2))
                            A_calc = A * math.exp(-B * r) / r
                            err_accum += math.pow(A_calc - event[s_k], 2)
                        if err_accum < min_err:
                            min_err = err_accum
                            loc = [event["event"], x, y, z, A, err_accum]
        A_obs = sum([math.pow(event[s], 2) for s in stations.keys()])
        loc[-1] = 100.0 * math.sqrt(loc[-1] / A_obs)
        locations.append(loc)
    return locations


stations = {f"S{k}": (3.0 * k + 0.5, 17.0 - 2.0 * k, 0.25 + k % 3) for k in range(8)}
events = []
n_events = int(sys.argv[1]) if len(sys.argv) > 1 else 30
for e in range(n_events):
    ev = {"event": e}
    ex, ey, ez, eA = 2.0 + 3 * e, 18.0 - 2.5 * e, 1.0 + e % 4, 1.5 + 0.25 * e
    for s_k, s_v in stations.items():
        r = math.sqrt((ex - s_v[0]) ** 2 + (ey - s_v[1]) ** 2 + (ez - s_v[2]) ** 2)
        ev[s_k] = eA * math.exp(-B * r) / r
    events.append(ev)

for loc in locate_events(events, stations):
    print(loc[0], loc[1], loc[2], loc[3], loc[4], f"{loc[5]:.6f}")
