# Malformed input and bad options: exit 2 and one error naming the line or option.
. "$(dirname "$0")/lib.sh"

fma16="--op fma --a fp16 --out fp16 --rounding rne"
good="3C00 3C00 3C00\n"
goodOut="3C00 3C00 3C00 4000 00"

# Bad lines: the lines before are written, the bad one is named, nothing is skipped.
expect_error "$fma16" "${good}3C00 G1 3C00\n$good" "fmasim vectors: stdin line 2: operand 2 'G1' is not hex" "$goodOut"
expect_error "$fma16" "0x3C00 3C00 3C00\n" "stdin line 1: operand 1 '0x3C00' is not hex"
expect_error "$fma16" "${good}${good}3C00 3C00\n" "stdin line 3: expected 3 hex operands (fma), found 2" "$goodOut\n$goodOut"
expect_error "$fma16" "${good}\n$good" "stdin line 2: empty line; expected 3 hex operands (fma), found 0" "$goodOut"
expect_error "$fma16" " \t \n" "stdin line 1: empty line"
expect_error "--op cvt --a fp16 --out fp32 --rounding rne" "\n" "stdin line 1: empty line; expected 1 hex operand (cvt), found 0"
expect_error "--op mul --a fp8_e4m3 --out fp8_e4m3 --rounding rne" "38 38\n38 1FF\n" \
  "stdin line 2: operand 2 code 1FF is wider than fp8_e4m3 (8 bits)" "38 38 38 00"
expect_error "$fma16" "3C00 3C00 10000\n" "stdin line 1: operand 3 code 10000 is wider than fp16 (16 bits)"
expect_error "--op cvt --a fp64 --out fp32 --rounding rne" "10000000000000000\n" \
  "operand 1 code 10000000000000000 is wider than fp64 (64 bits)"

# Bad options.
expect_error "--op fma --a fp17 --out fp16 --rounding rne" "$good" "fmasim vectors: --a: unknown format 'fp17'; allowed: fp64,"
expect_error "--op fma --a fp16 --b e5m2 --out fp16 --rounding rne" "$good" "--b: unknown format 'e5m2'"
expect_error "--op fma --a fp16 --c nothere.json --out fp16 --rounding rne" "$good" "--c: nothere.json: cannot open"
expect_error "--op fma --a fp16 --out fp15 --rounding rne" "$good" "--out: unknown format 'fp15'"
expect_error "--op fma --a fp16 --out fp16 --rounding nearest" "$good" \
  "--rounding: unknown rounding 'nearest'; allowed: rne, rtz, rup, rdn, rna, stochastic"
expect_error "$fma16 --tininess early" "$good" "--tininess: got 'early'; allowed: after, before"
expect_error "$fma16 --overflow wrap" "$good" "--overflow: got 'wrap'; allowed: ieee, saturate"
expect_error "--op fma --a fp16 --out fp16 --rounding stochastic --random-bits 0" "$good" \
  "--random-bits: got 0; allowed: 1 to 32"
expect_error "--op fma --a fp16 --out fp16 --rounding stochastic --random-bits 33" "$good" \
  "--random-bits: got 33; allowed: 1 to 32"
expect_error "--op div --a fp16 --out fp16 --rounding rne" "$good" "--op: div not in {fma,mul,add,cvt}"
expect_error "--a fp16 --out fp16 --rounding rne" "$good" "--op is required"

finish
