using System;

namespace NegLR;

/// <summary>
/// The circuit-and-observable the training loop evaluates: a generated <see cref="IAnsatz"/> or the interpreter. The loop
/// is generic over this (implemented by structs), so the JIT specialises it per ansatz with no virtual calls.
/// </summary>
internal interface IExpectationModel
{
    int WeightCount { get; }

    int InputCount { get; }

    /// <summary>Circuit runs of one exact or shot parameter-shift gradient (without the loss itself).</summary>
    int ParameterShiftRuns { get; }

    /// <summary>Fewest shots one estimate accepts (one per measurement group).</summary>
    int MinimumShots { get; }

    /// <summary>Exact ⟨O⟩.</summary>
    double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs);

    /// <summary>Exact ⟨O⟩ and its adjoint gradient.</summary>
    double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient);

    /// <summary>Exact ⟨O⟩ and its parameter-shift gradient.</summary>
    double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient);

    /// <summary>A shot estimate of ⟨O⟩.</summary>
    ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random);

    /// <summary>The parameter-shift gradient from shots; returns the shots spent.</summary>
    long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> gradient);
}
