# The TestFloat line layout: operands echoed in uppercase with ceil(bits/4) digits,
# then the result with the output format's digits, then two flag digits.
. "$(dirname "$0")/lib.sh"

fma16="--op fma --a fp16 --out fp16 --rounding rne"
expect_output "$fma16" "3c00 3c00 3c00\n" "3C00 3C00 3C00 4000 00"  # lowercase in, uppercase out
expect_output "$fma16" "1 0 0\n" "0001 0000 0000 0000 00"            # short codes padded
expect_output "$fma16" "0000000003C00 3C00 3C00\n" "3C00 3C00 3C00 4000 00"  # leading zeros dropped
expect_output "$fma16" "000000000000000000003C00 00000000000000000000 3C00\n" "3C00 0000 3C00 3C00 00"
# testfloat_gen's own line (its expected result and flags are extra fields, ignored).
expect_output "$fma16" "87FF E850 0000 344F 01\n" "87FF E850 0000 344F 01"
expect_output "$fma16" "  3C00\t3C00   3C00  \r\n3C00 3C00 3C00" "3C00 3C00 3C00 4000 00\n3C00 3C00 3C00 4000 00"
expect_output "$fma16" "" ""  # no input, no output

# Digit counts follow each format: fp4 1, e4m3 2, tf32 (19 bits) 5, fp64 16.
expect_output "--op mul --a fp4_e2m1 --out fp4_e2m1 --rounding rne" "4 4\n" "4 4 6 00"  # 2 * 2 = 4
expect_output "--op cvt --a tf32 --out fp32 --rounding rne" "1fc00\n" "1FC00 3F800000 00"
expect_output "--op cvt --a fp8_e4m3 --out fp64 --rounding rne" "8\n" "08 3F90000000000000 00"  # 2^-6 (min normal)
expect_output "--op mul --a fp8_e4m3 --b fp16 --out fp16 --rounding rne" "38 3C00\n" "38 3C00 3C00 00"

finish
