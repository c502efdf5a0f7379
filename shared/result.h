#pragma once

#include "domainerror.h"

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace pincart {

// A value or a DomainError (std::expected is C++23; this is the subset Pincart needs).
// No exceptions cross Pincart's own interfaces: every fallible call returns a Result.
template<typename T>
class [[nodiscard]] Result
{
    static_assert(!std::is_same_v<T, DomainError>);

public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(DomainError error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const DomainError &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, DomainError> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(DomainError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const DomainError &error() const { return *m_error; }

private:
    std::optional<DomainError> m_error;
};

using Status = Result<void>;

} // namespace pincart
