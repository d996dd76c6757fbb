#pragma once

#include "model/rule_pack.hpp"

/// The bundled pack, decoded once per fuzzing process.
const contra::RulePack& bundled_pack();
