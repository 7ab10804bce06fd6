import { SetMetadata } from '@nestjs/common';

/** Metadata key marking a handler or controller as reachable without a token. */
export const IS_PUBLIC = 'platform:isPublic';

/** Lets requests through without a token: health, metrics, docs and the few truly public endpoints. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
