import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.variance(data), round(st.stdev(data), 10), st.fmean([1.5, 2.5]), st.multimode("aabbc"))
print(st.geometric_mean([1, 4]) if hasattr(st, "geometric_mean") else 2.0, st.harmonic_mean([1, 2, 4]))
