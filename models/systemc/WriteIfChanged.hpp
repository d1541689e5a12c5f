// A write to a signal (or an output port) only when the value changes: sc_signal's
// write runs its writer-policy check even when the value stays, and most control
// registers hold their value most cycles.
#pragma once

namespace fmasim {

template <class Signal, class T>
void writeIfChanged(Signal& s, const T& value) {
  if (!(s.read() == value)) s.write(value);
}

}  // namespace fmasim
