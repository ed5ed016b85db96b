/* memcpy/memset for kernels built without libc. Compiled with -fno-builtin so the
   loops below are not turned back into calls to themselves. Word-at-a-time when aligned. */
#include "mini.h"

void *memcpy(void *dst, const void *src, size_t n) {
    u8 *d = dst; const u8 *s = src;
    if ((((size_t)d | (size_t)s) & 7) == 0) {
        for (; n >= 8; n -= 8, d += 8, s += 8) *(u64 *)d = *(const u64 *)s;
    }
    while (n--) *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    u8 *d = dst;
    if (((size_t)d & 7) == 0) {
        u64 w = (u8)c; w |= w << 8; w |= w << 16; w |= w << 32;
        for (; n >= 8; n -= 8, d += 8) *(u64 *)d = w;
    }
    while (n--) *d++ = (u8)c;
    return dst;
}
