// Typed RuleTester cases with JSX are linted as this file (their code replaces its content).
