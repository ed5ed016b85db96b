/* f64 arithmetic and strided memory access: C = A * B for N x N matrices, n times
   (A is nudged between rounds so no round can be skipped). Checksum: the bits of
   the trace folded to 32 bits (IEEE arithmetic is exact-repeatable on every peer). */
#include "mini.h"

#define N 96
static double A[N][N], B[N][N], C[N][N];

EXPORT(run) i32 run(i32 n) {
    u32 seed = 12345;
    for (i32 i = 0; i < N; i++)
        for (i32 j = 0; j < N; j++) {
            A[i][j] = (double)(mini_rand(&seed) % 1000) / 100.0;
            B[i][j] = (double)(mini_rand(&seed) % 1000) / 100.0;
        }
    double trace = 0;
    for (i32 r = 0; r < n; r++) {
        for (i32 i = 0; i < N; i++)
            for (i32 j = 0; j < N; j++) {
                double sum = 0;
                for (i32 k = 0; k < N; k++) sum += A[i][k] * B[k][j];
                C[i][j] = sum;
            }
        for (i32 i = 0; i < N; i++) trace += C[i][i];
        A[r % N][(r * 7) % N] += 0.5;
    }
    union { double d; u64 u; } bits = { trace };
    return (i32)(bits.u ^ (bits.u >> 32));
}
