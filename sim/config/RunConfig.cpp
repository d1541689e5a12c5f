#include "RunConfig.hpp"

#include <algorithm>
#include <filesystem>

#include "DefaultConfigs.hpp"
#include "JsonFields.hpp"
#include "Names.hpp"

namespace fmasim {
namespace {

std::string resolvePath(const std::string& baseDir, const std::string& p) {
  if (p.empty() || std::filesystem::path(p).is_absolute() || baseDir.empty()) return p;
  return (std::filesystem::path(baseDir) / p).string();
}

std::optional<Format> formatField(JsonFields& j, std::string_view key, const std::string& baseDir) {
  const auto name = j.string(key);
  if (!name) return std::nullopt;
  std::string why;
  const std::string resolved = name->ends_with(".json") ? resolvePath(baseDir, *name) : *name;
  auto f = resolveFormat(resolved, why);
  if (!f) j.fail(key, why);
  return f;
}

// overflowToInfinity: where the datapath (not the format core) offers "infinity".
void readRounding(JsonFields& j, RoundingMode& rm, bool* overflowToInfinity = nullptr) {
  if (auto r = j.choice("rounding", {"rne", "rtz", "rup", "rdn", "rna", "stochastic"}))
    rm.mode = static_cast<Rounding>(*r);  // listed in the enum's order
  if (auto t = j.choice("tininess", {"after", "before"}))
    rm.tininess = *t == 0 ? Tininess::AfterRounding : Tininess::BeforeRounding;
  const auto overflow = overflowToInfinity != nullptr ? j.choice("overflow", {"ieee", "saturate", "infinity"})
                                                      : j.choice("overflow", {"ieee", "saturate"});
  if (overflow) {
    rm.overflow = *overflow == 1 ? OverflowPolicy::Saturate : OverflowPolicy::Ieee;
    if (overflowToInfinity != nullptr) *overflowToInfinity = *overflow == 2;
  }
  if (auto bits = j.integer("random_bits", 1, 32)) rm.randomBits = *bits;
}

void readAccumulator(JsonFields j, DatapathParams& p, const std::string& baseDir) {
  j.allowOnly({"format", "rounding", "tininess", "overflow", "random_bits", "seed", "precision_bits", "nan",
               "integer_overflow", "width", "fraction_bits", "headroom_bits", "comment"});
  const auto name = j.string("format");
  if (!name) {
    if (j.ok()) j.fail("format", "missing; a float format, an integer format (int32) or \"fixed\"");
    return;
  }
  if (*name == "fixed") {
    p.accumulatorKind = AccumulatorKind::Fixed;
  } else if (auto f = formatField(j, "format", baseDir)) {
    p.accumulator = *f;
    p.accumulatorKind = f->isFloat() ? AccumulatorKind::Float : AccumulatorKind::Integer;
  }
  readRounding(j, p.outputRounding, &p.overflowToInfinity);
  if (auto n = j.choice("nan", {"propagate", "canonical"})) p.nanResult = static_cast<NanResult>(*n);
  if (auto seed = j.integer64("seed", 0, 0xFFFFFFFF)) p.lfsrSeed = static_cast<std::uint32_t>(*seed);
  if (auto bits = j.integer("precision_bits", 0, 52)) p.outputFractionBits = *bits;
  if (auto o = j.choice("integer_overflow", {"wrap", "saturate"}))
    p.integerOverflow = *o == 0 ? IntegerOverflow::Wrap : IntegerOverflow::Saturate;
  if (auto w = j.integer("width", 2, 1024)) p.fixedWidth = *w;
  if (auto fb = j.integer("fraction_bits", -64, 1024)) p.fixedFractionBits = *fb;
  if (auto h = j.integer("headroom_bits", 0, 64)) p.headroomBits = *h;
  if (p.accumulatorKind != AccumulatorKind::Fixed) {
    for (const char* key : {"width", "fraction_bits", "headroom_bits"})
      if (j.has(key)) j.fail(key, "only a \"fixed\" accumulator has this field");
  }
  if (p.accumulatorKind != AccumulatorKind::Float) {
    for (const char* key : {"rounding", "tininess", "overflow", "random_bits", "seed", "precision_bits", "nan"})
      if (j.has(key)) j.fail(key, "only a float accumulator rounds; integer and fixed point use integer_overflow");
  } else if (j.has("integer_overflow")) {
    j.fail("integer_overflow", "only integer and fixed-point accumulators have this field; floats use overflow");
  }
}

void readPromotion(JsonFields j, DatapathParams& p, const std::string& baseDir) {
  j.allowOnly({"interval", "format", "rounding", "comment"});
  PromotionParams promotion;
  promotion.format = *formatByName("fp32");
  if (auto n = j.integer("interval", 1, 1 << 20)) promotion.interval = *n;
  else if (j.ok()) j.fail("interval", "missing; products between promotions (e.g. 128)");
  if (auto f = formatField(j, "format", baseDir)) promotion.format = *f;
  if (auto r = j.choice("rounding", {"rne", "rtz", "rup", "rdn", "rna"})) promotion.rounding.mode = static_cast<Rounding>(*r);
  p.promotion = promotion;
}

void readDatapath(JsonFields j, DatapathParams& p, const std::string& baseDir) {
  j.allowOnly({"kind", "a", "b", "lanes", "product", "alignment", "accumulator", "promotion", "pipeline", "feedback",
               "comment"});
  if (auto k = j.choice("kind", {"fma", "cma", "mac", "dot"})) p.kind = static_cast<DatapathKind>(*k);
  else if (j.ok()) j.fail("kind", "missing; allowed: \"fma\", \"cma\", \"mac\", \"dot\"");
  if (auto a = formatField(j, "a", baseDir)) p.a = *a;
  else if (j.ok()) j.fail("a", "missing; the operand format (e.g. \"fp8_e4m3\")");
  p.b = p.a;
  if (auto b = formatField(j, "b", baseDir)) p.b = *b;
  if (auto lanes = j.integer("lanes", 1, 1 << 20)) p.lanes = *lanes;
  if (auto product = j.object("product")) {
    product->allowOnly({"format", "rounding", "tininess", "overflow", "random_bits", "comment"});
    if (auto f = formatField(*product, "format", baseDir)) p.productFormat = *f;
    readRounding(*product, p.productRounding);
    if (p.kind != DatapathKind::Cma && j.ok()) j.fail("product", "only a cma datapath rounds its products");
  }
  if (auto align = j.object("alignment")) {
    align->allowOnly({"fraction_bits", "term_rounding", "addend", "zero_addend_exponent", "comment"});
    if (auto e = align->integer("zero_addend_exponent", -16382, 16383)) p.zeroAddendExponent = *e;
    if (auto f = align->integer("fraction_bits", 0, 1024)) p.alignFractionBits = *f;
    if (auto r = align->choice("term_rounding", {"truncate", "rne"})) p.termRounding = static_cast<TermRounding>(*r);
    if (auto a = align->choice("addend", {"fused", "separate"})) p.addend = static_cast<AddendPath>(*a);
  }
  if (auto acc = j.object("accumulator")) readAccumulator(*acc, p, baseDir);
  else if (j.ok()) j.fail("accumulator", "missing; e.g. {\"format\": \"fp32\"}");
  if (auto promotion = j.object("promotion")) readPromotion(*promotion, p, baseDir);
  if (auto pipe = j.object("pipeline")) {
    pipe->allowOnly({"multiplier", "aligner", "adder", "normalizer", "accumulator", "comment"});
    for (int u = 0; u < kUnitCount; ++u)
      if (auto n = pipe->integer(unitName(static_cast<Unit>(u)), 0, 1000)) p.stages[u] = *n;
  }
  if (auto f = j.choice("feedback", {"stall", "interleave"})) p.hazard = static_cast<FeedbackHazard>(*f);
}

void readDistribution(JsonFields j, Distribution& d) {
  j.allowOnly({"distribution", "mean", "std", "scale", "low", "high", "outlier_fraction", "outlier_scale", "value",
               "comment"});
  if (auto k = j.choice("distribution", {"normal", "laplace", "uniform", "outliers", "constant"}))
    d.kind = static_cast<DistributionKind>(*k);
  if (auto v = j.number("mean")) d.mean = *v;
  if (auto v = j.number("std")) d.scale = *v;
  if (auto v = j.number("scale")) d.scale = *v;
  if (auto v = j.number("low")) d.low = *v;
  if (auto v = j.number("high")) d.high = *v;
  if (auto v = j.number("outlier_fraction")) d.outlierFraction = *v;
  if (auto v = j.number("outlier_scale")) d.outlierScale = *v;
  if (auto v = j.number("value")) d.value = *v;
  if (j.ok() && !(d.scale > 0)) j.fail(j.has("std") ? "std" : "scale", "must be positive");
  if (j.ok() && !(d.low < d.high)) j.fail("high", "must be above low");
  if (j.ok() && !(d.outlierFraction >= 0 && d.outlierFraction <= 1)) j.fail("outlier_fraction", "must be 0..1");
}

void readWorkload(JsonFields j, WorkloadSpec& w, const std::string& baseDir) {
  j.allowOnly({"length", "count", "seed", "a", "b", "scaling", "files", "comment"});
  if (auto k = j.integer64("length", 1, std::int64_t{1} << 40)) w.length = *k;
  if (auto n = j.integer64("count", 1, std::int64_t{1} << 30)) w.count = *n;
  if (auto s = j.integer64("seed", 0, std::numeric_limits<std::int64_t>::max())) w.seed = static_cast<std::uint64_t>(*s);
  if (auto a = j.object("a")) readDistribution(*a, w.a);
  w.b = w.a;
  if (auto b = j.object("b")) readDistribution(*b, w.b);
  if (auto s = j.object("scaling")) {
    s->allowOnly({"kind", "block_size", "margin_bits", "comment"});
    if (auto k = s->choice("kind", {"none", "per-tensor", "per-channel", "per-block"}))
      w.scaling.kind = static_cast<ScalingKind>(*k);
    if (auto b = s->integer("block_size", 1, static_cast<int>(kMaxChunkLength))) w.scaling.blockSize = *b;  // blocks within a chunk
    if (auto m = s->integer("margin_bits", 0, 64)) w.scaling.marginBits = *m;
  }
  if (auto f = j.object("files")) {
    f->allowOnly({"a", "b", "comment"});
    if (auto a = f->string("a")) w.fileA = resolvePath(baseDir, *a);
    if (auto b = f->string("b")) w.fileB = resolvePath(baseDir, *b);
    if (f->ok() && (w.fileA.empty() || w.fileB.empty())) f->fail("", "needs both \"a\" and \"b\"");
  }
}

}  // namespace

std::optional<RunConfig> parseRunConfig(const std::string& text, const std::string& where, const std::string& baseDir,
                                        std::string& error) {
  error.clear();
  const auto root = parseJson(text, where, error);
  if (!root) return std::nullopt;
  JsonFields j(*root, "", error, where);
  j.allowOnly({"name", "comment", "datapath", "workload", "compare"});
  RunConfig config;
  if (auto n = j.string("name")) config.name = *n;
  if (auto c = j.string("comment")) config.comment = *c;
  if (j.has("compare")) {
    const nlohmann::json& list = (*root)["compare"];
    const bool strings =
        list.is_array() && std::all_of(list.begin(), list.end(), [](const nlohmann::json& x) { return x.is_string(); });
    if (!strings) j.fail("compare", "must be an array of config file names, got " + list.dump());
    else
      for (const auto& x : list) config.compare.push_back(resolvePath(baseDir, x.get<std::string>()));
  }
  DatapathParams params;
  params.name = config.name;
  if (auto d = j.object("datapath")) readDatapath(*d, params, baseDir);
  else if (j.ok()) j.fail("datapath", "missing");
  if (auto w = j.object("workload")) readWorkload(*w, config.workload, baseDir);
  if (!j.ok()) return std::nullopt;
  std::string why;
  auto spec = deriveDatapathSpec(params, why);
  if (!spec) {
    error = where + ": " + why;
    return std::nullopt;
  }
  if (config.workload.scaling.kind == ScalingKind::PerBlock && params.accumulatorKind == AccumulatorKind::Integer) {
    error = where + ": /workload/scaling/kind: per-block scales shift products by powers of two, which an integer "
                    "accumulator cannot hold; use \"fixed\" or a float accumulator";
    return std::nullopt;
  }
  config.spec = std::move(*spec);
  return config;
}

std::optional<RunConfig> loadRunConfig(const std::string& path, std::string& error) {
  const auto text = readConfigFile(path, error);
  if (!text) return std::nullopt;
  const auto dir = std::filesystem::path(path).parent_path().string();
  return parseRunConfig(*text, path, dir, error);
}

std::optional<std::vector<RunConfig>> loadRunConfigs(const std::vector<std::string>& paths, std::string& error) {
  std::vector<RunConfig> configs;
  if (paths.empty()) {
    for (const auto& embedded : defaultConfigs()) {
      auto c = parseRunConfig(embedded.text, embedded.file, "", error);
      if (!c) return std::nullopt;
      configs.push_back(std::move(*c));
    }
  }
  for (const auto& path : paths)
    if (!loadRunConfigWithComparisons(path, configs, error)) return std::nullopt;
  return configs;
}

bool loadRunConfigWithComparisons(const std::string& path, std::vector<RunConfig>& out, std::string& error) {
  auto config = loadRunConfig(path, error);
  if (!config) return false;
  const std::vector<std::string> others = config->compare;
  const WorkloadSpec workload = config->workload;
  out.push_back(std::move(*config));
  for (const auto& other : others) {
    auto c = loadRunConfig(other, error);
    if (!c) return false;
    c->workload = workload;  // the same data as the config that lists it
    out.push_back(std::move(*c));
  }
  return true;
}

}  // namespace fmasim
