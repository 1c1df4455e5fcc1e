class Config:
    def __init__(self, path):
        self.path = path
        self.data = self.load()
    def load(self):
        if not self.path.endswith(".cfg"):
            raise TypeError(f"unsupported config format: {self.path}")
        return {}
print(Config("a.cfg").data)
Config("a.json")
