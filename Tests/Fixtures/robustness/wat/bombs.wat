;; Guests that never end or never stop asking, for `kpt alpha wasm run --invoke`.
(module
  (memory 1)
  ;; An infinite loop: only --timeout ends it.
  (func (export "spin")
    (loop $l (br $l)))
  ;; Unbounded recursion: ends with "call stack exhausted".
  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  ;; One grow to the full 4 GiB of a 32-bit memory, then a store at its last word.
  (func (export "grow4g") (result i32)
    (drop (memory.grow (i32.const 65535)))
    (i32.store (i32.const 0xFFFFFFFC) (i32.const 1))
    (memory.size))
  ;; Grows 16 pages (1 MiB) at a time until refused; returns the page count reached.
  (func (export "growloop") (result i32)
    (block $done
      (loop $more
        (br_if $done (i32.eq (memory.grow (i32.const 16)) (i32.const -1)))
        (br $more)))
    (memory.size))
)
