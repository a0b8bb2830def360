#include "dsl/ast.hpp"

namespace ntm::dsl {

Op mirrored(Op op) {
    switch (op) {
        case Op::lt: return Op::gt;
        case Op::le: return Op::ge;
        case Op::gt: return Op::lt;
        case Op::ge: return Op::le;
        default: return op;
    }
}

const char* spelling(Op op) {
    switch (op) {
        case Op::neg: return "-";
        case Op::not_: return "not";
        case Op::add: return "+";
        case Op::sub: return "-";
        case Op::mul: return "*";
        case Op::div: return "/";
        case Op::lt: return "<";
        case Op::le: return "<=";
        case Op::gt: return ">";
        case Op::ge: return ">=";
        case Op::eq: return "=";
        case Op::ne: return "!=";
        case Op::and_: return "and";
        case Op::or_: return "or";
    }
    return "?";
}

const char* spelling(Cmp cmp) {
    switch (cmp) {
        case Cmp::ge: return ">=";
        case Cmp::gt: return ">";
        case Cmp::le: return "<=";
        case Cmp::lt: return "<";
        case Cmp::eq: return "=";
        case Cmp::ne: return "!=";
        case Cmp::in_range: return "in";
        case Cmp::yes: return "yes";
        case Cmp::no: return "no";
    }
    return "?";
}

const char* spelling(MergeWay way) {
    switch (way) {
        case MergeWay::sum: return "sum";
        case MergeWay::weighted: return "weighted";
        case MergeWay::all: return "all";
        case MergeWay::any: return "any";
        case MergeWay::min: return "min";
        case MergeWay::max: return "max";
        case MergeWay::resurvey: return "resurvey";
    }
    return "?";
}

}  // namespace ntm::dsl
