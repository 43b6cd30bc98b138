using System;
using System.Numerics;
using NegLR.Benchmarks.Baseline;

namespace NegLR.Benchmarks.Regression;

/// <summary>Which generator's code a call runs.</summary>
public enum RegressionSide
{
    /// <summary>The generator before issue 12 (checked-in output, <c>Baseline/*.g.cs</c>).</summary>
    Baseline,

    /// <summary>This build's generator (the <c>[Ansatz]</c> declarations of <c>GeneratedWorkload.cs</c>).</summary>
    Current,
}

/// <summary>What a call computes.</summary>
public enum RegressionOperation
{
    /// <summary><c>Evaluate</c>: the expectation of Z0 Z1.</summary>
    Expectation,

    /// <summary><c>EvaluateWithGradient</c>: the expectation and its adjoint gradient.</summary>
    Gradient,
}

/// <summary>
/// One size of the standard workload (HEA, n qubits, L = n, Z0 Z1) as two generated types — the baseline generator's
/// (<c>BaselineHeaN</c>) and the current one's (<c>HeaN</c>) — with one set of weights and buffers for both, so the
/// two sides run the same calls on the same data.
/// </summary>
public abstract class RegressionPair
{
    /// <summary>The sizes the workload declares (<c>GeneratedWorkload.cs</c>).</summary>
    public static readonly int[] Sizes = { 4, 8, 12, 16, 20 };

    /// <summary>The pair for <paramref name="qubits"/> qubits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size the workload does not declare.</exception>
    public static RegressionPair For(int qubits) => qubits switch
    {
        4 => new RegressionPair<BaselineHea4, Hea4>(4),
        8 => new RegressionPair<BaselineHea8, Hea8>(8),
        12 => new RegressionPair<BaselineHea12, Hea12>(12),
        16 => new RegressionPair<BaselineHea16, Hea16>(16),
        20 => new RegressionPair<BaselineHea20, Hea20>(20),
        _ => throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "The regression workload declares n = 4, 8, 12, 16 and 20."),
    };

    private protected RegressionPair(int qubits)
    {
        Qubits = qubits;
        Weights = StandardWorkload.Weights(2 * qubits * qubits);
        Gradient = new double[Weights.Length];
        State = new Complex[1 << qubits];
        Adjoint = new Complex[1 << qubits];
    }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    private protected double[] Weights { get; }

    private protected double[] Gradient { get; }

    private protected Complex[] State { get; }

    private protected Complex[] Adjoint { get; }

    /// <summary>
    /// Runs <paramref name="calls"/> calls of one side and operation on the standard weights and returns the sum of the
    /// expectations (so the work cannot be optimised away). Allocates nothing.
    /// </summary>
    public abstract double Run(RegressionSide side, RegressionOperation operation, int calls);

    /// <summary>
    /// Both sides' expectation and gradient on the standard weights and on seeded random weights in [−π, π], compared.
    /// </summary>
    public abstract RegressionCheck Check(int seed = 12);
}

/// <summary>The pair of generated types for one size; see <see cref="RegressionPair"/>.</summary>
/// <typeparam name="TBaseline">The baseline generator's type.</typeparam>
/// <typeparam name="TCurrent">The current generator's type.</typeparam>
public sealed class RegressionPair<TBaseline, TCurrent> : RegressionPair
    where TBaseline : struct, IAnsatz
    where TCurrent : struct, IAnsatz
{
    internal RegressionPair(int qubits)
        : base(qubits)
    {
        if (TBaseline.Qubits != qubits || TCurrent.Qubits != qubits || TBaseline.WeightCount != TCurrent.WeightCount
            || TBaseline.WeightCount != Weights.Length)
        {
            throw new InvalidOperationException(
                $"{typeof(TBaseline).Name} ({TBaseline.Qubits} qubits, {TBaseline.WeightCount} weights) and {typeof(TCurrent).Name} "
                + $"({TCurrent.Qubits} qubits, {TCurrent.WeightCount} weights) are not the {qubits}-qubit standard workload; "
                + "regenerate the baseline with benchmarks/baseline/make.sh.");
        }
    }

    /// <inheritdoc/>
    public override double Run(RegressionSide side, RegressionOperation operation, int calls) =>
        side == RegressionSide.Baseline ? Loop<TBaseline>(operation, calls) : Loop<TCurrent>(operation, calls);

    /// <inheritdoc/>
    public override RegressionCheck Check(int seed = 12)
    {
        var random = new Random(seed);
        var drawn = new double[Weights.Length];
        for (int k = 0; k < drawn.Length; k++)
        {
            drawn[k] = (2 * random.NextDouble() - 1) * Math.PI;
        }

        double expectation = 0, gradient = 0, value = 0;
        foreach (double[] weights in new[] { Weights, drawn })
        {
            var state = new Complex[State.Length];
            var adjoint = new Complex[State.Length];
            var gBaseline = new double[weights.Length];
            var gCurrent = new double[weights.Length];
            double eBaseline = TBaseline.Evaluate(weights, default, state);
            double eCurrent = TCurrent.Evaluate(weights, default, state);
            double vBaseline = TBaseline.EvaluateWithGradient(weights, default, gBaseline, state, adjoint);
            double vCurrent = TCurrent.EvaluateWithGradient(weights, default, gCurrent, state, adjoint);
            expectation = Math.Max(expectation, Math.Abs(eBaseline - eCurrent));
            value = Math.Max(value, Math.Abs(vBaseline - vCurrent));
            for (int k = 0; k < weights.Length; k++)
            {
                gradient = Math.Max(gradient, Math.Abs(gBaseline[k] - gCurrent[k]));
            }
        }

        return new RegressionCheck(Qubits, TCurrent.Evaluate(Weights, default, new Complex[State.Length]), expectation, value, gradient);
    }

    private double Loop<T>(RegressionOperation operation, int calls)
        where T : struct, IAnsatz
    {
        double sum = 0;
        if (operation == RegressionOperation.Expectation)
        {
            for (int i = 0; i < calls; i++)
            {
                sum += T.Evaluate(Weights, default, State);
            }
        }
        else
        {
            for (int i = 0; i < calls; i++)
            {
                sum += T.EvaluateWithGradient(Weights, default, Gradient, State, Adjoint);
            }
        }

        return sum;
    }
}

/// <summary>
/// Baseline against current on one size: the largest absolute differences of the expectation (<c>Evaluate</c>), of the
/// value <c>EvaluateWithGradient</c> returns and of any gradient entry, over the weight sets compared.
/// </summary>
/// <param name="Qubits">Number of qubits.</param>
/// <param name="Expectation">The current side's expectation on the standard weights (for the report).</param>
/// <param name="ExpectationDifference">Largest |baseline − current| of <c>Evaluate</c>.</param>
/// <param name="ValueDifference">Largest |baseline − current| of the value <c>EvaluateWithGradient</c> returns.</param>
/// <param name="GradientDifference">Largest |baseline − current| over every gradient entry.</param>
public sealed record RegressionCheck(int Qubits, double Expectation, double ExpectationDifference, double ValueDifference, double GradientDifference)
{
    /// <summary>The tolerance the two generators' results must agree to (the project's generated-code standard).</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Whether every difference is within <see cref="Tolerance"/> (NaN fails).</summary>
    public bool Passed => ExpectationDifference <= Tolerance && ValueDifference <= Tolerance && GradientDifference <= Tolerance;

    /// <summary>One line for the console.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"n = {Qubits,2}: <Z0 Z1> = {Expectation:R}; |baseline - current|: expectation {ExpectationDifference:E1}, value {ValueDifference:E1}, gradient {GradientDifference:E1} -> {(Passed ? "same work (<= 1e-10)" : "DIFFERENT")}");
}
