/* Shared by every kernel: no libc, so the few helpers a kernel needs live here.
   Each kernel exports `run(n)` and returns a checksum every peer must agree on. */
#ifndef MINI_H
#define MINI_H
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;
typedef long long i64;
typedef unsigned long size_t;

#define EXPORT(name) __attribute__((export_name(#name)))

/* Defined in mini.c: clang lowers struct copies and big zeroings to these calls. */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

/* A deterministic pseudo-random stream (xorshift32) for filling inputs. */
static inline u32 mini_rand(u32 *state) {
    u32 x = *state;
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    return *state = x;
}
#endif
