# Results and flags derived by hand from IEEE 754 and the OCP format rules
# (x86 conventions: default NaN is negative quiet with zero payload; sNaN is quieted).
# fp16: 3C00 = 1, 4000 = 2, 3800 = 0.5, 7BFF = 65504 (max), 7C00 = inf, 1000 = 2^-11,
# 0001 = 2^-24 (min subnormal). Flags: 01 inexact, 02 underflow, 04 overflow, 10 invalid.
. "$(dirname "$0")/lib.sh"

fp16="--a fp16 --out fp16"
# Exact results.
expect_output "--op fma $fp16 --rounding rne" "3C00 3C00 3C00\n" "3C00 3C00 3C00 4000 00"
expect_output "--op add $fp16 --rounding rne" "3C00 BC00\n" "3C00 BC00 0000 00"
expect_output "--op add $fp16 --rounding rdn" "3C00 BC00\n" "3C00 BC00 8000 00"  # x - x = -0 rounding down
expect_output "--op mul $fp16 --rounding rne" "0002 3800\n" "0002 3800 0001 00"   # exact subnormal: no underflow
expect_output "--op add --a fp32 --out fp32 --rounding rne" "3F800000 BF800000\n" "3F800000 BF800000 00000000 00"

# 1 + 2^-11 lies halfway between 1 (3C00, even) and 1 + 2^-10 (3C01).
for m in "rne 3C00" "rtz 3C00" "rdn 3C00" "rup 3C01" "rna 3C01"; do
  set -- $m
  expect_output "--op add $fp16 --rounding $1" "3C00 1000\n" "3C00 1000 $2 01"
done
# 1 + 2^-10 + 2^-11: halfway between 3C01 and 3C02 (even).
expect_output "--op add $fp16 --rounding rne" "3C01 1000\n" "3C01 1000 3C02 01"
expect_output "--op add $fp16 --rounding rtz" "3C01 1000\n" "3C01 1000 3C01 01"

# Overflow: 65504 * 2. Round to nearest and away from zero give inf; toward zero gives max.
expect_output "--op mul $fp16 --rounding rne" "7BFF 4000\n" "7BFF 4000 7C00 05"
expect_output "--op fma $fp16 --rounding rne" "7BFF 4000 0000\n" "7BFF 4000 0000 7C00 05"
expect_output "--op mul $fp16 --rounding rtz" "7BFF 4000\n" "7BFF 4000 7BFF 05"
expect_output "--op mul $fp16 --rounding rup" "FBFF 4000\n" "FBFF 4000 FBFF 05"
expect_output "--op mul $fp16 --rounding rdn" "FBFF 4000\n" "FBFF 4000 FC00 05"
expect_output "--op cvt --a fp32 --out fp16 --rounding rne" "47800000\n" "47800000 7C00 05"  # 65536

# Underflow: 2^-24 * 0.5 = 2^-25, a tie between 0 (even) and 2^-24.
expect_output "--op mul $fp16 --rounding rne" "0001 3800\n" "0001 3800 0000 03"
expect_output "--op mul $fp16 --rounding rup" "0001 3800\n" "0001 3800 0001 03"
# 2^-14 * (1 - 2^-12) (fp32 387FF000) rounds to the min normal 2^-14 (0400). With an
# unbounded exponent it rounds to 2^-14 too, so it is tiny before rounding only.
expect_output "--op cvt --a fp32 --out fp16 --rounding rne" "387FF000\n" "387FF000 0400 01"
expect_output "--op cvt --a fp32 --out fp16 --rounding rne --tininess before" "387FF000\n" "387FF000 0400 03"
expect_output "--op cvt --a fp32 --out fp16 --rounding rtz" "387FF000\n" "387FF000 03FF 03"

# NaN and invalid.
expect_output "--op mul $fp16 --rounding rne" "7C01 3C00\n" "7C01 3C00 7E01 10"  # sNaN quieted, payload kept
expect_output "--op mul $fp16 --rounding rne" "7E01 3C00\n" "7E01 3C00 7E01 00"  # qNaN passes silently
expect_output "--op mul $fp16 --rounding rne" "7C00 0000\n" "7C00 0000 FE00 10"  # inf * 0
expect_output "--op fma $fp16 --rounding rne" "7C00 0000 7E00\n" "7C00 0000 7E00 FE00 10"  # even with qNaN c
expect_output "--op add $fp16 --rounding rne" "7C00 FC00\n" "7C00 FC00 FE00 10"  # inf - inf

# OCP E4M3: 38 = 1, 40 = 2, 7E = 448 (max), 7F = NaN, no infinity. 448 * 2 overflows.
e4m3="--op mul --a fp8_e4m3 --out fp8_e4m3 --rounding rne"
expect_output "$e4m3 --overflow saturate" "7E 40\n" "7E 40 7E 05"
expect_output "$e4m3" "7E 40\n" "7E 40 7F 05"
# Mixed formats: e4m3 1 * 1 + 1 = 2 in fp32.
expect_output "--op fma --a fp8_e4m3 --out fp32 --rounding rne" "38 38 38\n" "38 38 38 40000000 00"

# Conversions.
expect_output "--op cvt --a fp16 --out fp32 --rounding rne" "3C00\n" "3C00 3F800000 00"
expect_output "--op cvt --a fp16 --out fp64 --rounding rne" "3C00\n" "3C00 3FF0000000000000 00"
expect_output "--op cvt --a fp16 --out int8 --rounding rne" "4900\n" "4900 0A 00"  # 10.0

# Stochastic rounding of 1 + 2^-11 with one random bit: rounds up when the bit is 1.
# The Galois LFSR (taps 0x80200003, output = LSB, then shift right and XOR the taps
# if it was 1) runs 1 -> 80200003 -> C0300002 -> 60180001: bits 1, 1, 0, 1 from seed 1,
# and 2 -> 1 -> 80200003 -> C0300002: bits 0, 1, 1, 0 from seed 2.
sr="--op add $fp16 --rounding stochastic --random-bits 1"
four="3C00 1000\n3C00 1000\n3C00 1000\n3C00 1000\n"
expect_output "$sr --seed 1" "$four" "3C00 1000 3C01 01\n3C00 1000 3C01 01\n3C00 1000 3C00 01\n3C00 1000 3C01 01"
expect_output "$sr --seed 2" "$four" "3C00 1000 3C00 01\n3C00 1000 3C01 01\n3C00 1000 3C01 01\n3C00 1000 3C00 01"

finish
