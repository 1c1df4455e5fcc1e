try:
    raise ValueError("primary problem")
except ValueError as e:
    e.add_note("while processing record 7")
    e.add_note("hint: check the input file")
    raise
