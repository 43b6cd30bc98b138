using System;

namespace NegLR;

/// <summary>
/// Trains a runtime <see cref="Circuit"/> (built in code or imported from OpenQASM) on the interpreter. For a generated
/// <c>[Ansatz]</c> type use <see cref="Trainer{TAnsatz}"/>, which runs its specialised code in the same loop.
/// </summary>
public sealed class Trainer : TrainerBase
{
    /// <summary>Trains <paramref name="circuit"/> to minimise the objective built on ⟨<paramref name="observable"/>⟩.</summary>
    /// <param name="circuit">The circuit (compiled now; later changes are not seen).</param>
    /// <param name="observable">O: the Hamiltonian for VQE/QAOA, or the readout (e.g. Z0) for a classifier.</param>
    /// <param name="optimizer">Made for the circuit's weight count.</param>
    /// <param name="options">Run options; default <see cref="TrainerOptions.Default"/>.</param>
    /// <param name="objective">What to minimise; default ⟨O⟩ itself.</param>
    public Trainer(Circuit circuit, PauliSum observable, IOptimizer optimizer, TrainerOptions? options = null, TrainingObjective? objective = null)
        : this(new CircuitInterpreter(circuit ?? throw new ArgumentNullException(nameof(circuit))), observable, optimizer, options, objective)
    {
    }

    /// <summary>Trains the circuit of <paramref name="interpreter"/>.</summary>
    public Trainer(CircuitInterpreter interpreter, PauliSum observable, IOptimizer optimizer, TrainerOptions? options = null,
        TrainingObjective? objective = null)
        : base(CreateLoop(interpreter, observable, optimizer, options, objective), optimizer, options, objective)
    {
    }

    private static ITrainingLoop CreateLoop(CircuitInterpreter interpreter, PauliSum observable, IOptimizer optimizer,
        TrainerOptions? options, TrainingObjective? objective)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (observable.MinQubits > interpreter.Qubits)
        {
            throw new ArgumentException(
                $"The observable acts on qubit {observable.MinQubits - 1}, but the circuit has qubits 0 to {interpreter.Qubits - 1}.", nameof(observable));
        }

        var model = new InterpreterModel(interpreter, observable, shots: options?.Shots is not null);
        return new TrainingLoop<InterpreterModel>(model, optimizer, options, objective);
    }
}
