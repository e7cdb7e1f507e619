// ShippedRegisterSnapshot() for make_la_snapshot, the program that makes the real one: it loads
// the register from its files, as there is no snapshot yet to compare them with.

#include "normalize/la_snapshot.h"

namespace minutes::normalize::internal {

const ShippedRegister* ShippedRegisterSnapshot() { return nullptr; }

}  // namespace minutes::normalize::internal
