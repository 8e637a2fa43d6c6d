#!/usr/bin/env python3
"""Writes the typed FlowBuilder.Task overloads (src/Grains.Interfaces/Flows/FlowBuilder.*Tasks.cs).

One overload per number of inputs (0 to 8), per kind of code (returns a value or not, synchronously or as a Task) and
per extras after the inputs (none, the TaskRunContext, the CancellationToken, both: context first, token last).
Run it from the repository root after changing the pattern; the files it writes are not edited by hand.
"""
from pathlib import Path

EXTRAS = [("", [], "TaskExtras.None"), ("the attempt's token", ["CancellationToken"], "TaskExtras.Token"),
          ("the attempt's context", ["TaskRunContext"], "TaskExtras.Context"),
          ("the attempt's context and token", ["TaskRunContext", "CancellationToken"], "TaskExtras.Context | TaskExtras.Token")]

KINDS = {
    "Tasks": ("returns its output", "TaskNode<TOut>", "TOut", "AddTask<TOut>", "Done({call})", True),
    "AsyncTasks": ("returns its output as a task", "TaskNode<TOut>", "Task<TOut>", "AddTask<TOut>", "Boxed({call})", True),
    "VoidTasks": ("returns nothing", "VoidTaskNode", None, "AddVoidTask", "{{ {call}; return Done(null); }}", False),
    "AsyncVoidTasks": ("returns a task without a value", "VoidTaskNode", "Task", "AddVoidTask", "Awaited({call})", False),
}


def overload(kind, n, extra):
    what, node, returns, add, body, generic_out = KINDS[kind]
    extra_text, extra_types, extra_flags = extra
    inputs = [f"T{i}" for i in range(1, n + 1)]
    type_params = inputs + (["TOut"] if generic_out else [])
    params = inputs + extra_types
    if returns is None:
        delegate = f"Action<{', '.join(params)}>" if params else "Action"
    else:
        delegate = f"Func<{', '.join(params + [returns])}>"
    args = [f"({t})a[{i}]!" for i, t in enumerate(params)]
    call = f"function({', '.join(args)})"
    nodes = "".join(f", Node<T{i}> input{i}" for i in range(1, n + 1))
    node_args = "".join(f", input{i}" for i in range(1, n + 1))
    takes = f"{n} input{'s' if n != 1 else ''}" + (f" and {extra_text}" if extra_text else "")
    generic = f"<{', '.join(type_params)}>" if type_params else ""
    return (
        f"    /// <summary>Declares a task whose code takes {takes} and {what}; see <see cref=\"FlowBuilder\"/> for the convention.</summary>\n"
        f"    /// <exception cref=\"ArgumentException\">The name is invalid or taken, or a node belongs to another flow.</exception>\n"
        f"    public {node} Task{generic}(\n"
        f"        string name, {delegate} function{nodes}, TaskOptions? options = null) =>\n"
        f"        {add}(name, function, options, {extra_flags}, a => {body.format(call=call)}{node_args});\n")


root = Path(__file__).resolve().parent.parent / "src" / "Grains.Interfaces" / "Flows"
for kind in KINDS:
    parts = [overload(kind, n, extra) for n in range(0, 9) for extra in EXTRAS]
    text = ("// Written by eng/generate-typed-tasks.py: change the script and run it again, not this file.\n"
            "namespace Tributary.Flows;\n\n"
            f"/// <summary>The typed task overloads whose code {KINDS[kind][0]}.</summary>\n"
            "public sealed partial class FlowBuilder\n{\n" + "\n".join(parts) + "}\n")
    (root / f"FlowBuilder.{kind}.cs").write_text(text)
