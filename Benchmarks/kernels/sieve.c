/* Byte-array loads and stores in tight loops: the sieve of Eratosthenes up to
   LIMIT, n times. Checksum: the number of primes found, summed over the runs. */
#include "mini.h"

#define LIMIT (1 << 20)
static u8 composite[LIMIT];

EXPORT(run) i32 run(i32 n) {
    i32 total = 0;
    for (i32 r = 0; r < n; r++) {
        for (i32 i = 0; i < LIMIT; i++) composite[i] = 0;
        i32 count = 0;
        for (i32 i = 2; i < LIMIT; i++) {
            if (composite[i]) continue;
            count++;
            for (i32 j = i + i; j < LIMIT; j += i) composite[j] = 1;
        }
        total += count + r;
    }
    return total;
}
