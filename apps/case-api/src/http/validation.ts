import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { Problems } from './problem';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator on every body: unknown fields refused, each error named by its field path. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return Problems.invalid(`${fields.length} field(s) are invalid.`, fields);
    },
  });
}
