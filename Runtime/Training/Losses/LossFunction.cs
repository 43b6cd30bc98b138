using System;

namespace NegLR;

/// <summary>
/// A per-row loss written by the user: ℓ(f, y) of the row's observable values f = (⟨O₀⟩, …, ⟨O_{m−1}⟩) and its labels y.
/// Return ℓ and write ∂ℓ/∂f_j into <paramref name="gradient"/> (length m): the trainer chains it with each observable's
/// circuit gradient, so a custom loss costs what the built-in ones do.
/// </summary>
/// <param name="expectations">f: the row's observable values, in the order the observables were given.</param>
/// <param name="labels">y: the row's labels (empty for an objective without data).</param>
/// <param name="gradient">Receives ∂ℓ/∂f_j.</param>
/// <returns>ℓ(f, y).</returns>
/// <example>
/// A hinge loss on one readout: <c>(f, y, g) =&gt; { double m = 1 - y[0] * f[0]; g[0] = m &gt; 0 ? -y[0] : 0; return Math.Max(0, m); }</c>.
/// </example>
public delegate double LossFunction(ReadOnlySpan<double> expectations, ReadOnlySpan<double> labels, Span<double> gradient);

/// <summary>When <see cref="CustomLoss"/> checks the derivative its function returns against finite differences.</summary>
public enum DerivativeCheck
{
    /// <summary>In debug builds of the application (its entry assembly compiled without optimisation); never in release builds.</summary>
    Auto = 0,

    /// <summary>On every call (tests, or while writing a loss).</summary>
    Always = 1,

    /// <summary>Never.</summary>
    Never = 2,
}
