/* A switch-dispatch interpreter loop (the shape of every bytecode VM): a tiny register
   machine runs an LCG-mixing program for n iterations. Checksum: its accumulator. */
#include "mini.h"

enum { LI, MOV, ADD, ADDI, SUBI, MUL, XOR, SHR, AND, JZ, JNZ, HALT };
typedef struct { u8 op, a, b, c; i32 imm; } Insn;

static const Insn program[] = {
    /* 0 */ {LI, 1, 0, 0, 0},             /* acc = 0 */
    /* 1 */ {LI, 2, 0, 0, 1},             /* x = 1 */
    /* 2 */ {LI, 5, 0, 0, 1103515245},    /* multiplier */
    /* 3 */ {JZ, 0, 0, 0, 13},            /* n == 0: nothing to do (the run(0) baseline) */
    /* 4 loop */ {MUL, 3, 2, 5, 0},       /* t = x * m */
    /* 5 */ {ADDI, 3, 3, 0, 12345},
    /* 6 */ {XOR, 1, 1, 3, 0},
    /* 7 */ {SHR, 4, 3, 0, 7},
    /* 8 */ {AND, 4, 4, 0, 0xffff},
    /* 9 */ {ADD, 1, 1, 4, 0},
    /* 10 */ {MOV, 2, 3, 0, 0},
    /* 11 */ {SUBI, 0, 0, 0, 1},
    /* 12 */ {JNZ, 0, 0, 0, 4},
    /* 13 */ {HALT, 1, 0, 0, 0},
};

static u32 execute(const Insn *code, u32 iterations) {
    u32 r[8] = {iterations};
    u32 pc = 0;
    for (;;) {
        const Insn *i = &code[pc++];
        switch (i->op) {
        case LI:   r[i->a] = (u32)i->imm; break;
        case MOV:  r[i->a] = r[i->b]; break;
        case ADD:  r[i->a] = r[i->b] + r[i->c]; break;
        case ADDI: r[i->a] = r[i->b] + (u32)i->imm; break;
        case SUBI: r[i->a] = r[i->b] - (u32)i->imm; break;
        case MUL:  r[i->a] = r[i->b] * r[i->c]; break;
        case XOR:  r[i->a] = r[i->b] ^ r[i->c]; break;
        case SHR:  r[i->a] = r[i->b] >> (i->imm & 31); break;
        case AND:  r[i->a] = r[i->b] & (u32)i->imm; break;
        case JZ:   if (!r[i->a]) pc = (u32)i->imm; break;
        case JNZ:  if (r[i->a]) pc = (u32)i->imm; break;
        case HALT: return r[i->a];
        default:   return 0xdeadbeef;
        }
    }
}

EXPORT(run) i32 run(i32 n) { return (i32)execute(program, (u32)n); }
