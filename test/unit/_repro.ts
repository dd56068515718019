import { parseNumber } from '../../src/core/entities/numbers';
console.log(parseNumber('constructor'), parseNumber('two hundred'), parseNumber('toString'), parseNumber('1.5 million'));
