using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;

namespace NegLR;

/// <summary>
/// Argument checks and small helpers that generated ansatz code calls, so its errors read exactly like the
/// interpreter's. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeSupport
{
    /// <summary>c₊ = (√2 + 1)/(4√2) of the four-term shift rule (Wierichs et al. 2022) for CRX, CRY, CRZ.</summary>
    public static readonly double FourTermPlus = (Math.Sqrt(2) + 1) / (4 * Math.Sqrt(2));

    /// <summary>c₋ = (√2 − 1)/(4√2) of the four-term shift rule.</summary>
    public static readonly double FourTermMinus = (Math.Sqrt(2) - 1) / (4 * Math.Sqrt(2));

    private static bool _registerTiles = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Whether generated ansätze run their register-tiled passes (256-bit SIMD, fused gates; the default where the
    /// hardware has it) or one Runtime kernel call per gate (the path for machines without 256-bit SIMD). Both agree
    /// to rounding; switching off is for diagnosis and for testing the fallback on a machine that has SIMD.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Switching on where 256-bit SIMD is not accelerated.</exception>
    public static bool RegisterTiles
    {
        get => _registerTiles;
        set
        {
            if (value && !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
            {
                throw new PlatformNotSupportedException("Register tiles need 256-bit SIMD, which this machine does not accelerate.");
            }

            _registerTiles = value;
        }
    }

    /// <summary>Checks the weights, inputs and state spans of a generated call.</summary>
    public static void CheckArguments(string ansatz, int weightCount, int inputCount, int stateLength,
        ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int stateSpanLength)
    {
        if (weights.Length != weightCount)
        {
            throw new ArgumentException($"{ansatz} has {weightCount} weights, but {weights.Length} were given.", nameof(weights));
        }

        if (inputs.Length < inputCount)
        {
            throw new ArgumentException($"{ansatz} reads {inputCount} inputs, but {inputs.Length} were given.", nameof(inputs));
        }

        if (stateSpanLength != stateLength)
        {
            throw new ArgumentException($"{ansatz} needs a state span of {stateLength} amplitudes, but it has {stateSpanLength}.", "state");
        }

        RequireFinite(weights, nameof(weights));
        RequireFinite(inputs, nameof(inputs));
    }

    /// <summary>Checks a gradient span and the adjoint workspace of a generated gradient call.</summary>
    public static void CheckGradient(string ansatz, int weightCount, int stateLength, int gradientLength, int adjointLength)
    {
        if (gradientLength != weightCount)
        {
            throw new ArgumentException($"{ansatz}'s gradient span needs {weightCount} entries (one per weight), but has {gradientLength}.", "gradient");
        }

        if (adjointLength != stateLength)
        {
            throw new ArgumentException($"{ansatz} needs an adjoint span of {stateLength} amplitudes, but it has {adjointLength}.", "adjoint");
        }
    }

    /// <summary>Checks a workspace passed to a generated call fits the ansatz (made for its qubit count).</summary>
    public static AnsatzWorkspace CheckWorkspace(string ansatz, int qubits, AnsatzWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.Qubits != qubits)
        {
            throw new ArgumentException(
                $"The workspace was made for {workspace.Qubits} qubits, but {ansatz} has {qubits}; create it with {ansatz}.CreateWorkspace().", nameof(workspace));
        }

        return workspace;
    }

    /// <summary>The exception a generated stub throws when the generator could not compile the declaration.</summary>
    public static InvalidOperationException NotCompiled(string ansatz, string reason) =>
        new($"NegLR could not compile the ansatz {ansatz}: {reason} The build reports an NLR diagnostic at the cause; fix it and rebuild.");

    /// <summary>Resets <paramref name="state"/> to |0…0⟩.</summary>
    public static void ResetState(Span<Complex> state)
    {
        state.Clear();
        state[0] = Complex.One;
    }

    private static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is {values[i]}; every angle must be a finite number."), name);
            }
        }
    }
}
