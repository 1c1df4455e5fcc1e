def matmul(A, B):
    n, m, p = len(A), len(B), len(B[0])
    return [[sum(A[i][k] * B[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B))
I = [[int(i == j) for j in range(3)] for i in range(3)]
print(I, matmul(A, I) == A)
T = [list(r) for r in zip(*A)]
print(T)
def det(M):
    if len(M) == 1:
        return M[0][0]
    return sum((-1) ** c * M[0][c] * det([row[:c] + row[c + 1:] for row in M[1:]]) for c in range(len(M)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [3, 4]]), det([[5]]))
M = [[1, 2], [3, 4]]
P = M
for _ in range(5):
    P = matmul(P, M)
print(P)
F = [[1.5, 2.25], [-0.5, 4.0]]
print(matmul(F, F))
spiral = []
grid = [[r * 4 + c for c in range(4)] for r in range(4)]
while grid:
    spiral += grid.pop(0)
    grid = [list(r) for r in zip(*grid)][::-1]
print(spiral)
