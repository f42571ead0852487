// Typed RuleTester cases are linted as this file (their code replaces its content).
