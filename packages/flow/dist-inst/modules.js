import { CLEAN } from './value.js';
/** What an import (or `require`) of `module` binds: a logger, a logger factory, a transport, or nothing we track. */
export function moduleValue(t, module, name) {
    const bare = module.replace(/^node:/, '');
    const library = t.loggerLibraries.get(bare);
    if (library) {
        const whole = name === 'default' || name === '*';
        if (!whole && library.constructors?.includes(name))
            return { kind: 'loggerClass' };
        if (!whole && library.factories?.includes(name))
            return { kind: library.export === 'logFunctionFactory' ? 'logFunctionFactory' : 'loggerFactory' };
        if (!whole && !library.named?.includes(name))
            return CLEAN;
        switch (library.export) {
            case 'logger':
                return { kind: 'logger' };
            case 'factory':
                return { kind: 'loggerFactory' };
            case 'logFunction':
                return { kind: 'logFunction' };
            case 'logFunctionFactory':
                return { kind: 'logFunctionFactory' };
            default:
                return { kind: 'module', module: bare };
        }
    }
    if (t.transportModules.has(bare))
        return { kind: 'transport', module: bare };
    if (name !== 'default' && name !== '*' && (t.logFunctionFactories.has(`${bare}.${name}`) || t.logFunctionFactories.has(name)))
        return { kind: 'logFunctionFactory' };
    return CLEAN;
}
