words = ["a", "ab", "日本", "é", "naïve", ""]
for w in words:
    print(f"|{w:<6}|{w:>6}|{w:^6}|{w:*^7}|")
print(f"{'→':→^9}")
print("{:\u2500^20}".format(" title "))
print(f"{'x':{chr(0x2022)}>4}")
