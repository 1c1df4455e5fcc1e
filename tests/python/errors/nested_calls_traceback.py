def parse(text):
    return [int(tok) for tok in text.split(",")]
def load(lines):
    out = []
    for line in lines:
        out.extend(parse(line))
    return out
def main():
    print(load(["1,2", "3"]))
    print(load(["4,5", "6,x"]))
main()
