module swiftkpt.test/robustness

go 1.21
