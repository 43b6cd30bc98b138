using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// The buffers a generated ansatz's calls need: the state, and the adjoint method's second state. Create one with the
/// ansatz's <c>CreateWorkspace()</c> and reuse it on one thread, and no call allocates; or manage the spans yourself
/// and call the span overloads.
/// </summary>
/// <example>
/// <code>
/// var workspace = IrisClassifier.CreateWorkspace();
/// double loss = IrisClassifier.EvaluateWithGradient(weights, inputs, gradient, workspace);
/// </code>
/// </example>
public sealed class AnsatzWorkspace
{
    private readonly Complex[] _state;
    private readonly Complex[] _adjoint;

    /// <summary>Buffers for ansätze on <paramref name="qubits"/> qubits (1 to <see cref="Circuit.MaxQubits"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="qubits"/> is outside 1 to <see cref="Circuit.MaxQubits"/>.</exception>
    /// <exception cref="InsufficientMemoryException">The two states do not fit in the memory this process may use.</exception>
    public AnsatzWorkspace(int qubits)
    {
        StateVector.EnsureFits(qubits, copies: 2);
        Qubits = qubits;
        _state = new Complex[1 << qubits];
        _adjoint = new Complex[1 << qubits];
    }

    /// <summary>Number of qubits the buffers hold.</summary>
    public int Qubits { get; }

    /// <summary>The state: ψ after <c>Prepare</c> or <c>Evaluate</c> (scratch after a gradient).</summary>
    public Span<Complex> State => _state;

    /// <summary>The adjoint method's second state (scratch).</summary>
    public Span<Complex> Adjoint => _adjoint;
}
