/** Inputs of the theme mutations: the declared fields (theme.fields.ts), with their rules. */
import { InputType } from 'type-graphql';
import { createInputBase, CreateInputFields, updateInputBase, UpdateInputFields } from '../shared/record-fields/input-fields';
import { themeFields } from './theme.fields';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
@UpdateInputFields(themeFields)
export class ThemeUpdateInput extends updateInputBase(themeFields) {}

@InputType({ description: 'A new theme.' })
@CreateInputFields(themeFields)
export class ThemeCreateInput extends createInputBase(ThemeUpdateInput, themeFields) {}
