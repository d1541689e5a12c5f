#include "PipelineBench.hpp"

namespace fmasim {

PipelineBench::PipelineBench(const DatapathSpec& s, int stallInterval)
    : spec(s),
      // The rising edge in mid-period: inputs written between ticks settle through the
      // combinational units before the edge samples them.
      clk("clk", sc_core::sc_time(1, sc_core::SC_NS), 0.5, sc_core::sc_time(0.5, sc_core::SC_NS), true),
      pipeline("pipeline", spec, stallInterval) {
  pipeline.clk(clk);
  pipeline.rst(rst);
  pipeline.in_valid(inValid);
  pipeline.in_finish(inFinish);
  pipeline.in_operands(inOperands);
  pipeline.in_ready(inReady);
  pipeline.out_valid(outValid);
  pipeline.out_result(outResult);
  pipeline.out_flags(outFlags);
}

}  // namespace fmasim
