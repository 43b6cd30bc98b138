using System;
using System.Collections.Generic;
using System.Globalization;

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
        : base(CreateLoop(interpreter, new[] { observable }, optimizer, options, objective), optimizer, options, objective)
    {
    }

    /// <summary>
    /// Trains <paramref name="circuit"/> on a <see cref="CustomLoss"/> of several observables: row r's loss reads
    /// ⟨<paramref name="observables"/>[j]⟩ as its j-th value. One circuit run per row gives every observable (exactly, or
    /// from the run's shots split evenly over them), and one adjoint pass or one set of shifted runs gives the gradient.
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="observables">O_0 … O_{m−1}, as many as the objective's loss reads.</param>
    /// <param name="optimizer">Made for the circuit's weight count.</param>
    /// <param name="objective">A <see cref="TrainingObjective.Custom(CustomLoss)"/> objective (or, with one observable, any).</param>
    /// <param name="options">Run options.</param>
    public Trainer(Circuit circuit, IReadOnlyList<PauliSum> observables, IOptimizer optimizer, TrainingObjective objective, TrainerOptions? options = null)
        : base(CreateLoop(new CircuitInterpreter(circuit ?? throw new ArgumentNullException(nameof(circuit))), observables, optimizer, options,
            objective ?? throw new ArgumentNullException(nameof(objective))), optimizer, options, objective)
    {
    }

    private static ITrainingLoop CreateLoop(CircuitInterpreter interpreter, IReadOnlyList<PauliSum> observables, IOptimizer optimizer,
        TrainerOptions? options, TrainingObjective? objective)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(observables);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (observables.Count == 0)
        {
            throw new ArgumentException("Give at least one observable.", nameof(observables));
        }

        var list = new PauliSum[observables.Count];
        for (int j = 0; j < list.Length; j++)
        {
            var o = observables[j] ?? throw new ArgumentNullException(nameof(observables), string.Create(CultureInfo.InvariantCulture, $"Observable {j} is null."));
            if (o.MinQubits > interpreter.Qubits)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Observable {j} acts on qubit {o.MinQubits - 1}, but the circuit has qubits 0 to {interpreter.Qubits - 1}."), list.Length == 1 ? "observable" : nameof(observables));
            }

            list[j] = o;
        }

        int outputs = objective?.OutputCount ?? 1;
        if (list.Length != outputs)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{list.Length} observables were given, but the objective reads {outputs}; give one observable per value its loss reads."), nameof(observables));
        }

        bool shots = options?.Shots is not null;
        var model = new InterpreterModel(interpreter, list[0], shots);
        var setup = new LoopSetup
        {
            Structure = () => new CircuitStructure(interpreter.Circuit),
            Observables = list.Length > 1 ? new ObservablesModel(interpreter, list, shots, trainable: null) : null,
        };
        return new TrainingLoop<InterpreterModel>(model, optimizer, options, objective, setup);
    }
}
