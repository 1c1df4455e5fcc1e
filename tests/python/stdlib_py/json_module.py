import json
obj = {"name": "x", "vals": [1, 2.5, None, True, False], "nested": {"a": "é"}, "n": 10 ** 20}
s = json.dumps(obj)
print(s)
print(json.dumps(obj, sort_keys=True, indent=2))
print(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
back = json.loads(s)
print(back == obj, back["vals"], type(back["n"]).__name__)
print(json.loads('[1, "two", {"3": 4.0}, null, true]'), json.loads('"\\u00e9\\n"'))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos)
print(json.dumps([float("inf")]), json.dumps("quote\"tab\t"), json.dumps((1, 2)))
