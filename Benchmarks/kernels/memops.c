/* Memory fill and copy (the memset/memcpy of mini.c, no bulk-memory instructions):
   each round fills a 1 MiB buffer, copies it aligned and then at an odd offset
   (the byte path). Checksum: a sample of every 4 KiB page, summed over the rounds. */
#include "mini.h"

#define SIZE (1 << 20)
static u8 src[SIZE] __attribute__((aligned(8)));
static u8 dst[SIZE + 8] __attribute__((aligned(8)));

EXPORT(run) i32 run(i32 n) {
    u32 acc = 0;
    for (i32 r = 0; r < n; r++) {
        memset(src, r & 0xff, SIZE);
        src[(r * 4099) % SIZE] = (u8)(r * 7);
        memcpy(dst, src, SIZE);
        memcpy(dst + 1 + (r & 3) * 2, src, SIZE / 4);
        for (i32 i = 0; i < SIZE; i += 4096) acc = acc * 31 + dst[i + (r & 63)];
    }
    return (i32)acc;
}
