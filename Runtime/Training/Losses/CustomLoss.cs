using System;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace NegLR;

/// <summary>
/// A loss the user writes: any differentiable function of several observables' expectation values and the row's labels,
/// with its derivative with respect to those values (see <see cref="LossFunction"/>). Use it with
/// <see cref="TrainingObjective.Custom(CustomLoss)"/> (no data: VQE-style costs such as a fidelity or a penalty) or
/// <see cref="TrainingObjective.Custom(CustomLoss, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, int, bool)"/>
/// (a data set). The trainer computes ∇L = (1/B) Σ_rows Σ_j (∂ℓ/∂f_j) ∇f_j with one adjoint pass per row (the seed is
/// Σ_j (∂ℓ/∂f_j) O_j|ψ⟩), or one set of shifted circuits per row whose measurements give every observable at once.
/// </summary>
/// <remarks>
/// The derivative is checked against central differences of the function (step 1e-6 per value) when
/// <see cref="Check"/> says so; at a kink (hinge, absolute value) any value between the two one-sided differences passes.
/// A check that fails throws <see cref="InvalidOperationException"/> naming the value, the expectations and the labels.
/// </remarks>
public sealed class CustomLoss
{
    /// <summary>Step of the finite-difference check, per expectation value.</summary>
    public const double CheckStep = 1e-6;

    private static readonly Lazy<bool> EntryAssemblyIsDebug = new(DetectDebugBuild);
    private readonly double[] _plus;
    private readonly double[] _minus;
    private readonly double[] _probe;
    private readonly double[] _scratch;

    /// <summary>Creates the loss.</summary>
    /// <param name="name">Its name in checkpoints and messages (e.g. "hinge").</param>
    /// <param name="observableCount">m, the number of observables the function reads (1 or more).</param>
    /// <param name="function">ℓ and its derivative.</param>
    /// <param name="check">When to verify the derivative by finite differences; default in debug builds.</param>
    public CustomLoss(string name, int observableCount, LossFunction function, DerivativeCheck check = DerivativeCheck.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(function);
        if (observableCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(observableCount), observableCount, "A loss reads at least one observable.");
        }

        if (!Enum.IsDefined(check))
        {
            throw new ArgumentOutOfRangeException(nameof(check), check, "Choose Auto, Always or Never.");
        }

        Name = name;
        ObservableCount = observableCount;
        Function = function;
        Check = check;
        _plus = new double[observableCount];
        _minus = new double[observableCount];
        _probe = new double[observableCount];
        _scratch = new double[observableCount];
    }

    /// <summary>The loss's name.</summary>
    public string Name { get; }

    /// <summary>m, the observables per row.</summary>
    public int ObservableCount { get; }

    /// <summary>The user's function.</summary>
    public LossFunction Function { get; }

    /// <summary>When the derivative is checked.</summary>
    public DerivativeCheck Check { get; }

    /// <summary>Whether this process checks derivatives (resolves <see cref="DerivativeCheck.Auto"/>).</summary>
    public bool ChecksDerivative => Check == DerivativeCheck.Always || (Check == DerivativeCheck.Auto && EntryAssemblyIsDebug.Value);

    /// <summary>
    /// ℓ(f, y) with ∂ℓ/∂f in <paramref name="gradient"/>; checks the values are finite and, when enabled, the derivative.
    /// </summary>
    /// <exception cref="InvalidOperationException">The function returned a non-finite value, or a derivative that does not
    /// match its finite differences.</exception>
    public double Evaluate(ReadOnlySpan<double> expectations, ReadOnlySpan<double> labels, Span<double> gradient)
    {
        if (expectations.Length != ObservableCount || gradient.Length != ObservableCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The loss '{Name}' reads {ObservableCount} observables, but got {expectations.Length} values and a gradient of {gradient.Length}."), nameof(expectations));
        }

        gradient.Clear();
        double value = Function(expectations, labels, gradient);
        if (!double.IsFinite(value))
        {
            throw Failure($"returned {Format(value)}", expectations, labels);
        }

        for (int j = 0; j < gradient.Length; j++)
        {
            if (!double.IsFinite(gradient[j]))
            {
                throw Failure($"returned the derivative {Format(gradient[j])} for expectation {j}", expectations, labels);
            }
        }

        if (ChecksDerivative)
        {
            CheckDerivative(expectations, labels, gradient);
        }

        return value;
    }

    private void CheckDerivative(ReadOnlySpan<double> f, ReadOnlySpan<double> labels, ReadOnlySpan<double> gradient)
    {
        for (int j = 0; j < f.Length; j++)
        {
            f.CopyTo(_probe);
            double h = CheckStep * Math.Max(1, Math.Abs(f[j]));
            _probe[j] = f[j] + h;
            double up = Function(_probe, labels, _scratch);
            _probe[j] = f[j] - h;
            double down = Function(_probe, labels, _scratch);
            double center = Function(f, labels, _scratch);
            double forward = (up - center) / h, backward = (center - down) / h;
            double low = Math.Min(forward, backward), high = Math.Max(forward, backward);
            // Smooth: both one-sided slopes agree with the derivative to O(h). Kink: any subgradient between them passes.
            double tolerance = 1e-4 * (1 + Math.Abs(gradient[j])) + (1e-9 * (1 + Math.Abs(center)) / h);
            if (!double.IsFinite(up) || !double.IsFinite(down) || gradient[j] < low - tolerance || gradient[j] > high + tolerance)
            {
                throw Failure(string.Create(CultureInfo.InvariantCulture,
                    $"returned ∂ℓ/∂f_{j} = {Format(gradient[j])}, but finite differences give {Format((up - down) / (2 * h))} (one-sided {Format(backward)} and {Format(forward)}); fix the derivative (or pass DerivativeCheck.Never if the loss is not differentiable there)"),
                    f, labels);
            }
        }
    }

    private InvalidOperationException Failure(string what, ReadOnlySpan<double> f, ReadOnlySpan<double> labels) =>
        new($"The custom loss '{Name}' {what} at expectations ({Join(f)}) and labels ({Join(labels)}).");

    private static string Join(ReadOnlySpan<double> values)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < values.Length; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(Format(values[i]));
        }

        return sb.ToString();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool DetectDebugBuild()
    {
        var attribute = Assembly.GetEntryAssembly()?.GetCustomAttribute<DebuggableAttribute>();
        return attribute is not null && attribute.IsJITOptimizerDisabled;
    }
}
