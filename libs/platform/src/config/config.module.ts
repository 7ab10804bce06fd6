import { DynamicModule, Module, Provider } from '@nestjs/common';
import { bootContext } from './boot-context';
import { ConfigSchema } from './describe-config';
import { loadConfig } from './load-config';
import { PlatformConfig } from './platform.config';

/** Injection token of the validated config instance (also injectable by its schema class and by PlatformConfig). */
export const APP_CONFIG = Symbol('APP_CONFIG');

// One dynamic module object per schema: Nest identifies a dynamic module by its metadata, so every
// `ConfigModule.forRoot(DispatchConfig)` across the app resolves to one module and one config instance
// without making the module @Global.
const modulesBySchema = new Map<ConfigSchema<PlatformConfig>, DynamicModule>();

/** Provides a service's validated config to the modules that import it. */
@Module({})
export class ConfigModule {
  /**
   * The config module for `schemaClass`: exports the validated instance under {@link APP_CONFIG}, under
   * `schemaClass` itself and under {@link PlatformConfig}. Import it wherever config is injected.
   */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    const known = modulesBySchema.get(schemaClass);
    if (known) return known;

    const tokens = schemaClass === PlatformConfig ? [PlatformConfig] : [schemaClass, PlatformConfig];
    const providers: Provider[] = [
      { provide: APP_CONFIG, useFactory: () => loadConfig(schemaClass, bootContext.environment()) },
      ...tokens.map((token) => ({ provide: token, useExisting: APP_CONFIG })),
    ];
    const module: DynamicModule = { module: ConfigModule, providers, exports: [APP_CONFIG, ...tokens] };
    modulesBySchema.set(schemaClass, module);
    return module;
  }
}
